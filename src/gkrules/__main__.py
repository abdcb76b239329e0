from gkrules.cli import main

raise SystemExit(main())
