from ghr.cli import main

main()
