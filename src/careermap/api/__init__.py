"""careermap's REST API and the request pipeline the web pages share (FastAPI).

``create_app(accounts=False, store=None)`` builds the application; ``careermap serve``
runs it with uvicorn. Routes are thin: they parse, call :mod:`careermap.service` and the
store, and return careermap's own models; every error has the one shape of
:meth:`careermap.errors.CareermapError.to_dict`.
"""

from careermap.api.app import API_PREFIX, OPENAPI_URL, create_app

__all__ = ["API_PREFIX", "OPENAPI_URL", "create_app"]
