"""Start and stop the stack's services on 127.0.0.1: PostgreSQL, Redis, nginx and app replicas.

Used by `deploy/run-stack` and by the tests. Only the standard library: every service is Debian's
binary run as a child process, its data in a temporary folder. As root, PostgreSQL (which refuses
to run as root) runs as Debian's `postgres` user through `runuser`, and nginx's workers as
`nobody`.
"""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IS_ROOT = os.geteuid() == 0
# Services start in well under a second here; CI machines shared with other jobs can be slow.
READY_TIMEOUT_S = 30.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen | None = None, timeout: float = READY_TIMEOUT_S) -> None:
    """Return once something accepts connections on 127.0.0.1:port; raise if the process died or time ran out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listened on 127.0.0.1:{port} within {timeout} s")


def postgres_bin() -> Path:
    """Debian's newest PostgreSQL binaries (not on PATH): /usr/lib/postgresql/<version>/bin."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    return Path(found[-1]).parent


def as_postgres(command: list[str]) -> list[str]:
    """Run as the `postgres` user when we are root: initdb and postgres refuse root."""
    return ["runuser", "-u", "postgres", "--", *command] if IS_ROOT else command


@dataclass
class Service:
    """One child process and how to start it again."""

    name: str
    command: list[str]
    port: int
    log: Path
    env: dict[str, str] | None = None
    process: subprocess.Popen | None = None
    stop_signal: int = signal.SIGTERM

    def start(self) -> Service:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                self.command,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=self.env,
                start_new_session=True,  # Ctrl-C in the terminal reaches run-stack, which stops us in order
            )
        try:
            wait_for_port(self.port, self.process)
        except RuntimeError as error:
            tail = self.log.read_text("utf-8", errors="replace")[-2000:]
            self.stop()
            raise RuntimeError(f"{self.name}: {error}\n{tail}") from None
        return self

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float = 20.0) -> None:
        """Ask the process to stop, wait, and kill its whole group if it does not."""
        if not self.running:
            return
        assert self.process is not None
        try:
            os.killpg(self.process.pid, self.stop_signal)
        except ProcessLookupError:
            return
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def kill(self) -> None:
        """SIGKILL to the whole process group, as a crash of the machine would."""
        if self.running:
            assert self.process is not None
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


def make_folder(prefix: str) -> Path:
    """A temporary folder in /tmp that the `postgres` and `nobody` users can enter (0755)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    return folder


def start_postgres(folder: Path, durable: bool = True) -> tuple[Service, str]:
    """initdb a cluster in folder/pg, start it on a free port; return it and a URL to its `assistant` database."""
    bindir = postgres_bin()
    data = folder / "pg"
    sockets = folder / "pg-sockets"
    sockets.mkdir(exist_ok=True)
    if IS_ROOT:
        user = pwd.getpwnam("postgres")
        for path in (folder, sockets):
            os.chown(path, user.pw_uid, user.pw_gid)
    log = folder / "postgres.log"
    log.touch()
    if IS_ROOT:
        os.chown(log, pwd.getpwnam("postgres").pw_uid, -1)
    if not data.exists():
        subprocess.run(
            as_postgres([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"])
            + ["--locale=C.UTF-8", "--no-sync"],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
    port = free_port()
    command = as_postgres(
        [str(bindir / "postgres"), "-D", str(data), "-h", "127.0.0.1", "-p", str(port), "-k", str(sockets)]
    )
    if not durable:  # tests: nothing here must survive a power cut
        command += ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
    service = Service("postgresql", command, port, log, stop_signal=signal.SIGINT).start()  # SIGINT: fast shutdown
    url = f"postgresql://postgres@127.0.0.1:{port}/assistant"
    _wait_for_postgres(bindir, port)
    subprocess.run(
        [str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "assistant"],
        check=True,
        stderr=subprocess.PIPE,
    )
    return service, url


def _wait_for_postgres(bindir: Path, port: int) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        ready = subprocess.run([str(bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(port), "-q"])
        if ready.returncode == 0:
            return
        time.sleep(0.1)
    raise RuntimeError(f"PostgreSQL on port {port} did not accept connections within {READY_TIMEOUT_S} s")


def restart(service: Service) -> Service:
    """Start a stopped service again with the same command, port and data."""
    return service.start()


def start_redis(folder: Path) -> Service:
    """redis-server on a free port, nothing written to disk (the counters are worth a minute at most)."""
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    port = free_port()
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    command += ["--dir", str(folder), "--protected-mode", "yes"]
    return Service("redis", command, port, folder / "redis.log").start()


def python_executable() -> str:
    """The Python that has the app installed: the project's .venv if there is one, else this one."""
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def start_replica(folder: Path, index: int, settings: dict[str, str], workers: int = 2) -> Service:
    """`assistant serve` with deploy/gunicorn.conf.py on a free port, settings from `settings`."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(settings)
    env.setdefault("ASSISTANT_CORPUS", str(ROOT / "corpus"))
    env["HOME"] = str(folder)
    env["PYTHONUNBUFFERED"] = "1"
    command = [python_executable(), "-m", "assistant", "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(workers), "--gunicorn-config", str(ROOT / "deploy" / "gunicorn.conf.py")]
    service = Service(f"replica-{index}", command, port, folder / f"replica-{index}.log", env=env)
    service.stop_signal = signal.SIGTERM
    return service


@dataclass
class Nginx:
    """nginx in front of the replicas, with a config rendered from deploy/nginx/site.conf.in."""

    service: Service
    folder: Path
    https_port: int
    http_port: int
    upstream_ports: list[int] = field(default_factory=list)


NGINX_MAIN = """\
# Generated by deploy/run-stack from deploy/nginx/site.conf.in; a real server uses Debian's
# /etc/nginx/nginx.conf and puts the site file in /etc/nginx/sites-enabled/.
{user}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log crit;
{modules}
events {{
    worker_connections 1024;
}}

http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {folder}/nginx-tmp/body;
    proxy_temp_path {folder}/nginx-tmp/proxy;
    fastcgi_temp_path {folder}/nginx-tmp/fastcgi;
    uwsgi_temp_path {folder}/nginx-tmp/uwsgi;
    scgi_temp_path {folder}/nginx-tmp/scgi;
    sendfile on;
    # No client address in any log: the access log records what was asked and how it went.
    log_format assistant '$time_iso8601 "$request_method $uri" $status $body_bytes_sent '
                         '$request_time upstream=$upstream_addr:$upstream_status';
    access_log {folder}/nginx-access.log assistant;

{site}
}}
"""
HEADERS_MORE = "/usr/lib/nginx/modules/ngx_http_headers_more_filter_module.so"


def render_site(template: str, values: dict[str, str]) -> str:
    """Fill the @NAME@ placeholders of the site template."""
    for name, value in values.items():
        template = template.replace(f"@{name}@", value)
    code = "\n".join(line.split("#", 1)[0] for line in template.splitlines())  # comments may name them
    missing = sorted(set(re.findall(r"@([A-Z_]+)@", code)))
    if missing:
        raise ValueError(f"unfilled placeholders in the nginx site template: {missing}")
    return template


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, valid for a few days."""
    cert, key = folder / "tls.crt", folder / "tls.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        + ["-days", "7", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    key.chmod(0o600)
    return cert, key


def start_nginx(folder: Path, upstream_ports: list[int], https_port: int, http_port: int) -> Nginx:
    """nginx on 127.0.0.1 (HTTPS on https_port, plain HTTP on http_port) in front of the replicas."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    tmp = folder / "nginx-tmp"
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp / name).mkdir(parents=True, exist_ok=True)
    static = folder / "static"
    if static.exists():
        shutil.rmtree(static)
    shutil.copytree(ROOT / "web" / "static", static)  # readable by nginx's workers wherever the clone is
    for path in [static, *static.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    cert, key = make_certificate(folder)
    if IS_ROOT:
        nobody = pwd.getpwnam("nobody")
        for path in [tmp, *tmp.iterdir()]:
            os.chown(path, nobody.pw_uid, nobody.pw_gid)
    servers = "\n".join(f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;" for port in upstream_ports).lstrip()
    values = {"STATIC_ROOT": str(static)}
    locations = folder / "locations.conf"
    locations.write_text(render_site((ROOT / "deploy" / "nginx" / "locations.conf.in").read_text("utf-8"), values))
    site = render_site(
        (ROOT / "deploy" / "nginx" / "site.conf.in").read_text("utf-8"),
        {
            "UPSTREAM_SERVERS": servers,
            "SERVER_NAME": "localhost 127.0.0.1",
            "LISTEN_HTTPS": f"127.0.0.1:{https_port}",
            "LISTEN_HTTP": f"127.0.0.1:{http_port}",
            "CERTIFICATE": str(cert),
            "CERTIFICATE_KEY": str(key),
            "LOCATIONS_FILE": str(locations),
            "HTTP_BODY": f"include {locations};",
        },
    )
    modules = f"load_module {HEADERS_MORE};" if Path(HEADERS_MORE).exists() else ""
    if not modules:
        text = locations.read_text("utf-8")
        locations.write_text("\n".join(line for line in text.splitlines() if "more_clear_headers" not in line))
    config = NGINX_MAIN.format(
        user="user nobody nogroup;" if IS_ROOT else "", folder=folder, modules=modules, site=site
    )
    conf = folder / "nginx.conf"
    conf.write_text(config, "utf-8")
    command = [binary, "-c", str(conf), "-p", str(folder), "-e", str(folder / "nginx-error.log")]
    command += ["-g", "daemon off;"]
    check = subprocess.run([*command[:-2], "-t", "-q"], capture_output=True, text=True)
    if check.returncode:
        raise RuntimeError(f"nginx refused its config:\n{check.stderr}")
    service = Service("nginx", command, https_port, folder / "nginx.log", stop_signal=signal.SIGQUIT)
    service.start()
    wait_for_port(http_port, service.process)
    return Nginx(service, folder, https_port, http_port, list(upstream_ports))
