# syntax=docker/dockerfile:1
# chiso-bot: build the TypeScript in one stage, run the JavaScript in a smaller one.
#   docker build -t chiso-bot .
#   docker run -p 3000:3000 -v chiso-data:/data chiso-bot          (embedded PGlite in the volume)
#   docker compose up                                              (with PostgreSQL 15: compose.yaml)
# PID 1 is tini (Debian's package), which forwards SIGTERM to node and reaps zombies; node is its only
# child, with no npm wrapper in between. Do not add `--init` / `init: true` as well.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: nothing the build needs runs one (only esbuild, for tsx and drizzle-kit, has one).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
# Read at run time from beside dist/: messages, migrations, the fonts of charts and reports, and the samples `cli demo` loads.
COPY locales ./locales
COPY assets ./assets
COPY drizzle ./drizzle
COPY samples ./samples
COPY --from=build /app/dist ./dist
# The code stays root's and read-only; the bot (user node, uid 1000) writes only to DATA_DIR.
RUN mkdir -p /data && chown node:node /data
USER node
ENV DATA_DIR=/data HOST=0.0.0.0 PORT=3000
VOLUME ["/data"]
EXPOSE 3000
# slim has no curl: node asks /healthz itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/main.js"]
