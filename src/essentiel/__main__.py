from essentiel.cli import main

main()
