"""Deploy checks (`manage.py check --deploy`) for what the per-address limits depend on."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def client_ip_header_check(app_configs, **kwargs):
    if settings.DEBUG or settings.CLIENT_IP_HEADER:
        return []
    return [
        Warning(
            "CLIENT_IP_HEADER 未设置：在反向代理（nginx、CDN）之后，所有读者都会被当作代理的地址，"
            "表单限流和登录锁定会把所有人一起拒绝。",
            hint="把代理写入读者地址的请求头告诉网站，例如 CLIENT_IP_HEADER=HTTP_X_REAL_IP；"
            "没有代理、读者直接连接时设 CLIENT_IP_HEADER=REMOTE_ADDR。",
            id="core.W001",
        )
    ]
