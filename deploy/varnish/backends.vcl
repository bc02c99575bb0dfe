# The app servers behind Varnish, and the addresses allowed to PURGE (the same app servers: every
# node purges after a publish, and the scheduler runs on one of them). `make stack` uses this file
# as it is (two gunicorn nodes on this machine); a real deployment lists its own servers here.
vcl 4.1;

import directors;

# A node is taken out only when it has failed every check for ~25 s: sync workers busy at saturation
# answer a check late, and that must not take a healthy node out of the pool.
probe union_health {
    .url = "/robots.txt";
    .interval = 5s;
    .timeout = 10s;
    .window = 5;
    .threshold = 1;
    .initial = 1;
}

backend node_a {
    .host = "127.0.0.1";
    .port = "8101";
    .probe = union_health;
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

backend node_b {
    .host = "127.0.0.1";
    .port = "8102";
    .probe = union_health;
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new app_nodes = directors.round_robin();
    app_nodes.add_backend(node_a);
    app_nodes.add_backend(node_b);
}
