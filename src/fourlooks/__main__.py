from fourlooks.cli import main

main()
