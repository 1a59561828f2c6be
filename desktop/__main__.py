"""`python -m desktop` starts the GUI."""

from desktop.app import main

raise SystemExit(main())
