"""Django settings, derived from ghr's settings registry (ghr.conf) when the process starts."""

from ghr.conf import load_config
from ghr.project.assemble import django_settings

globals().update(django_settings(load_config()))
