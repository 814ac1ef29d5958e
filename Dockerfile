# One image for the three apps and the migration job. Production runs Node 24 LTS.
# syntax=docker/dockerfile:1
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY migrations ./migrations
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
# Runs as the image's unprivileged user; the code is owned by root and read-only to it.
USER node
EXPOSE 3000 3001 3002
# docker-compose.yml and the Kubernetes manifests choose the app with `command`.
CMD ["node", "--enable-source-maps", "dist/apps/citizen-api/src/main.js"]
