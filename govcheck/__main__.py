from govcheck import command

command()
