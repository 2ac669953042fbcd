"""Entity resolution: the one place where spans become canonical occupations, places and contract terms.

Used by the NLU pipeline (`nlu.components`) and by the actions, so both agree on what
"poetsvrouw" or "Sint-Amandsberg" means.
"""

from nlu.resolution.lexicons import Lexicons, get_lexicons
from nlu.resolution.places import Place
from nlu.resolution.resolver import Resolution, resolve_entity

__all__ = ["Lexicons", "Place", "Resolution", "get_lexicons", "resolve_entity"]
