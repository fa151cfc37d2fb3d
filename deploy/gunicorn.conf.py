"""gunicorn settings for a replica behind nginx (`assistant serve --gunicorn-config deploy/gunicorn.conf.py`).

`assistant serve` sets bind, workers, preloading (the index is built once, before the fork) and
4 threads a worker; this file adds what changes behind a buffering proxy. nginx reads each request
whole before passing it on and reads each response as fast as the replica writes it, so slow
clients hold nginx's cheap connections, never a gunicorn thread.
"""

# gthread as in the embedded profile: a replica is still safe if someone reaches it directly.
worker_class = "gthread"
threads = 4
# An ask costs milliseconds; a worker silent for 30 s is stuck and gets replaced.
timeout = 30
# SIGTERM lets in-flight requests finish within this, then the worker stops.
graceful_timeout = 20
# nginx keeps idle connections to each replica open (upstream keepalive); close them a little
# after nginx would, so gunicorn never closes one nginx is about to reuse.
keepalive = 75
# Requests come from nginx alone; it has already refused oversized lines and headers.
limit_request_line = 8190
limit_request_fields = 50
limit_request_field_size = 8190
# No access log: nginx keeps one without client addresses. Errors go to stderr (journald).
accesslog = None
errorlog = "-"
loglevel = "info"
# The client address comes from X-Forwarded-For through ASSISTANT_TRUSTED_PROXIES=1 (the app's
# ProxyFix); gunicorn itself trusts no forwarded header.
forwarded_allow_ips = ""
control_socket_disable = True
