from convenant_cli.cli import main

main()
