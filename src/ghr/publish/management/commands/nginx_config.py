"""`ghr nginx_config`: the nginx configuration that serves the published site and passes the rest to the app."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from ghr.publish.nginx import NginxSite, nginx_command, site_config, write_standalone


class Command(BaseCommand):
    help = (
        "Print the server configuration for nginx's http {} block, or with --standalone DIR write a complete "
        "nginx.conf into DIR and print the command that runs it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--listen", "--port", default="127.0.0.1:8080", help="Address or port nginx listens on.")
        parser.add_argument("--root", type=Path, help="Publish directory (default: GHR_PUBLISH_DIR).")
        parser.add_argument("--app", help="host:port of the app (default: GHR_HOST:GHR_PORT).")
        parser.add_argument("--standalone", type=Path, metavar="DIR", help="Write nginx.conf and ghr.conf here.")
        parser.add_argument("--workers", type=int, default=2, help="nginx worker processes (standalone).")
        parser.add_argument("--access-log", action="store_true", help="Log requests (standalone).")

    def handle(self, *args, **options):
        config = settings.GHR
        listen = options["listen"]
        if listen.isdigit():
            listen = f"127.0.0.1:{listen}"
        site = NginxSite(
            listen=listen,
            publish_dir=options["root"] or config.publish_dir,
            app=options["app"] or f"{config['GHR_HOST']}:{config['GHR_PORT']}",
            bulk_dir=config.var_dir / "bulk",
        )
        if options["standalone"] is None:
            self.stdout.write(site_config(site))
            return
        conf = write_standalone(site, options["standalone"], options["workers"], options["access_log"])
        self.stdout.write(" ".join(nginx_command(conf)))
