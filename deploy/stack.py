"""The production shape on one machine: PostgreSQL, Redis, N app replicas and nginx on 127.0.0.1.

`deploy/run-stack` is its command line; the stack tests drive it directly.
"""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from deploy import services


@dataclass
class Stack:
    """Every service of the stack, started in order and stopped in reverse."""

    replicas: int = 2
    https_port: int = 0
    http_port: int = 0
    workers: int = 2
    folder: Path | None = None
    durable: bool = True
    settings: dict[str, str] = field(default_factory=dict)

    postgres: services.Service | None = None
    redis: services.Service | None = None
    apps: list[services.Service] = field(default_factory=list)
    nginx: services.Nginx | None = None
    database_url: str = ""
    redis_url: str = ""
    _own_folder: bool = False

    def start(self) -> Stack:
        """Start everything; on any failure stop what started and raise."""
        if self.replicas < 1:
            raise ValueError(f"--replicas must be 1 or more, got {self.replicas}")
        if self.folder is None:
            self.folder = services.make_folder("assistant-stack-")
            self._own_folder = True
        try:
            self.postgres, self.database_url = services.start_postgres(self.folder, durable=self.durable)
            self.redis = services.start_redis(self.folder)
            self.redis_url = f"redis://127.0.0.1:{self.redis.port}/0"
            secret = secrets.token_urlsafe(32)  # one secret for every replica: ids signed by one verify on all
            for index in range(self.replicas):
                settings = {
                    "ASSISTANT_DATABASE_URL": self.database_url,
                    "ASSISTANT_RATE_LIMIT_STORAGE": self.redis_url,
                    "ASSISTANT_TRUSTED_PROXIES": "1",
                    "ASSISTANT_SECRET_KEY": secret,
                    "ASSISTANT_DB": str(self.folder / "instance" / "unused.db"),
                    **self.settings,
                }
                self.apps.append(services.start_replica(self.folder, index, settings, self.workers).start())
            self.nginx = services.start_nginx(
                self.folder,
                [app.port for app in self.apps],
                self.https_port or services.free_port(),
                self.http_port or services.free_port(),
            )
        except BaseException:
            self.stop()
            raise
        return self

    @property
    def https_url(self) -> str:
        assert self.nginx is not None
        return f"https://127.0.0.1:{self.nginx.https_port}/"

    @property
    def http_url(self) -> str:
        assert self.nginx is not None
        return f"http://127.0.0.1:{self.nginx.http_port}/"

    def stop(self) -> None:
        """Stop nginx, the replicas, Redis and PostgreSQL, in that order; remove a temporary folder."""
        if self.nginx is not None:
            self.nginx.service.stop()
        for app in reversed(self.apps):
            app.stop()
        for service in (self.redis, self.postgres):
            if service is not None:
                service.stop()
        if self._own_folder and self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self._own_folder = False

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
