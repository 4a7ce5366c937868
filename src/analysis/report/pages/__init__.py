"""Pages: each notebook's second cell calls one function here, which builds the page's view and
renders it through the templates; the third cell displays the result."""
from .overview import overview_page as overview
from .pledge import pledge_page as pledge
from .region import region_page as region

__all__ = ["overview", "pledge", "region"]
