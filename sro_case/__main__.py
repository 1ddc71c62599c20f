from sro_case.cli import main

raise SystemExit(main())
