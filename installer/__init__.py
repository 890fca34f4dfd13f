"""Building the installers: the PyInstaller bundle, then a .deb, an Inno Setup installer or a .dmg.

`build_installer.py` at the root of the checkout runs these steps; each module
here does one of them and can be tested without running the others.
"""
