"""The room view: what the citizens see on the projector or the hall's big screen."""
