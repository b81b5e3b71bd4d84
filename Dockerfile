# syntax=docker/dockerfile:1
# Build stage: the locked dependencies (hashes checked), then the project, into a virtual environment.
FROM python:3.11-slim AS build
WORKDIR /srv
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements/service.txt ./requirements/service.txt
RUN pip install --no-cache-dir --require-hashes -r requirements/service.txt
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
RUN pip install --no-cache-dir --no-deps -e .

# Runtime stage: the venv and the source, run as an unprivileged user.
# The defaults are the embedded SQLite database on the /data volume, so one process serves it
# (WPS_WORKERS=1, the webhook worker inside it). For several workers or replicas set
# WPS_DATABASE_URL to PostgreSQL (see compose.yaml).
FROM python:3.11-slim
RUN useradd --create-home --uid 10001 wps
WORKDIR /srv
COPY --from=build /opt/venv /opt/venv
COPY --from=build /srv /srv
RUN mkdir -p /data && chown 10001 /data
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    WPS_DATABASE_URL=sqlite+aiosqlite:////data/wps.db \
    WPS_WORKERS=1
VOLUME ["/data"]
USER 10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"]
# Migrations and reference data first, then uvicorn with WPS_WORKERS workers (read by wps serve).
CMD ["wps", "serve", "--host", "0.0.0.0", "--port", "8000"]
