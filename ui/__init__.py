"""The Qt user interface: thin widgets over facilitator's services."""
