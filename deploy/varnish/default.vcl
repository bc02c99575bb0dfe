# 青海工会网 in front of its app servers: the VCL that `make stack` runs and that the README tells a
# real deployment to use (Varnish 7, `vcl 4.1`). The servers and the PURGE ACL are in backends.vcl.
#
# - Caching follows the application's Cache-Control: public pages say `public, s-maxage=…`
#   (core/pages.py), forms with a CSRF token and anything personal say `private`/`no-cache` and are
#   never stored (Varnish's built-in rules).
# - Cookies: readers' pages do not depend on cookies except the two display choices (关怀模式
#   `care_mode`, text size `text_size`, core/display.py), which the server renders into <html>. Every
#   other cookie is dropped on cacheable requests and the two choices become part of the cache key, so
#   one reader's 关怀模式 copy is never handed to another reader.
# - The admin, the readers' login, forms, lookups and anything with a session pass straight through
#   with their cookies.
# - PURGE (sent by wagtail.contrib.frontend_cache's HTTP backend on publish/unpublish) only from the
#   `purgers` ACL; it bans every stored copy of that path, all display variants and hosts at once.
vcl 4.1;

include "backends.vcl";

sub vcl_recv {
    set req.backend_hint = app_nodes.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE not allowed"));
        }
        # One request purges the path for every host name, display variant and query string (?page=2
        # of a listing): a lurker-friendly ban on a header stored with each object. Regex characters
        # other than "." do not occur in the site's paths (ASCII slugs, quoted tag slugs).
        ban("obj.http.X-Union-Url ~ ^" + regsub(regsub(req.url, "^https?://[^/]+", ""), "[?#].*$", "")
            + {"(\?|$)"});
        return (synth(200, "Purged"));
    }

    # The reader's address for per-address limits (CLIENT_IP_HEADER=HTTP_X_REAL_IP). Overwritten,
    # never trusted from the client. Behind a CDN set it from the CDN's header instead.
    set req.http.X-Real-IP = client.ip;

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # Personal or per-person pages: admin, readers' accounts, forms and lookups, display switch.
    if (req.url ~ "^/(admin|django-admin|accounts|documents|display)(/|\?|$)"
        || req.url ~ "^/(ruhui|hudong)/") {
        return (pass);
    }
    # Editors browsing the site see their own view (logged-in pages are never cached by the app).
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }

    # One language only (zh-hans): Django's `Vary: Accept-Language` must not split the cache.
    unset req.http.Accept-Language;

    # Keep only the two display choices, normalised, and put them in the cache key (vcl_hash).
    set req.http.X-Union-Display = "care=0;size=medium";
    if (req.http.Cookie ~ "(^|;\s*)care_mode=1(;|$)") {
        set req.http.X-Union-Display = "care=1";
    } else {
        set req.http.X-Union-Display = "care=0";
    }
    if (req.http.Cookie ~ "(^|;\s*)text_size=(small|large)(;|$)") {
        set req.http.X-Union-Display = req.http.X-Union-Display + ";size="
            + regsub(req.http.Cookie, ".*(^|;\s*)text_size=(small|large)(;.*|$)", "\2");
    } else {
        set req.http.X-Union-Display = req.http.X-Union-Display + ";size=medium";
    }
    # The backend sees exactly the choices the key holds: nothing else can change the page.
    set req.http.Cookie = regsuball(
        regsuball(req.http.X-Union-Display, "care=", "care_mode="), "size=", "text_size=");
    set req.http.Cookie = regsub(req.http.Cookie, ";", "; ");
    if (req.http.Cookie == "care_mode=0; text_size=medium") {
        unset req.http.Cookie;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    hash_data(req.http.X-Union-Display);
    return (lookup);
}

sub vcl_backend_response {
    # Stored with the object for PURGE's ban (vcl_recv) and removed before delivery.
    set beresp.http.X-Union-Url = bereq.url;
    # Django adds `Vary: Cookie` (the session); the key already holds the only cookies that matter.
    if (beresp.http.Vary) {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,\s*)Cookie(?=\s*(,|$))", "");
        set beresp.http.Vary = regsub(beresp.http.Vary, "^,\s*", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    # A page that sets a cookie is someone's own (login, CSRF token): never stored.
    if (beresp.http.Set-Cookie && bereq.http.X-Union-Display) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Errors are kept very briefly, so a node that failed is not hammered, yet recovers at once.
    if (beresp.status >= 500) {
        set beresp.ttl = 1s;
        set beresp.grace = 0s;
        return (deliver);
    }
    # Pages and feeds are stored compressed, once, at fetch: a hit then sends a reader's browser the
    # same few kilobytes a static file does (whitenoise's own .gz) instead of 20–30 KB of HTML, and
    # Varnish unpacks it only for the rare client that does not accept gzip.
    if (!beresp.http.Content-Encoding
        && beresp.http.Content-Type ~ "^(text/(html|plain|calendar)|application/(rss\+xml|atom\+xml|xml|json))") {
        set beresp.do_gzip = true;
    }
    # Serve a slightly old copy while a fresh one is fetched (never after a purge: bans remove it).
    set beresp.grace = 30s;
}

# A failed fetch (a node restarting, a connection refused) is tried once more on the next node.
sub vcl_backend_error {
    if (bereq.retries < 1 && bereq.method != "POST") {
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.X-Union-Url;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

sub vcl_synth {
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason;
    return (deliver);
}
