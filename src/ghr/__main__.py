import sys

from ghr.cli import main

sys.exit(main())
