from truce.cli import main

main()
