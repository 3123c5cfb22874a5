"""placeholder"""
def make_quotex(nlp, name):
    raise NotImplementedError
