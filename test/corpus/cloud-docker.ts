// Docker, Podman and Compose: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'docker volume rm -f app_db_data app_uploads', 'docker.volume-remove'],
  ['ask', 'sudo docker volume rm pgdata', 'docker.volume-remove'],
  ['ask', 'docker system prune --volumes', 'docker.system-prune-volumes'],
  ['ask', 'docker compose -f docker-compose.prod.yml down -v', 'docker.compose-down-volumes'],
  ['ask', "bash -c 'docker compose down -v'", 'docker.compose-down-volumes'],
  ['ask', 'cd deploy && docker-compose down -v', 'docker.compose-down-volumes'],
  ['ask', 'docker exec -it db psql -U postgres -c "DROP DATABASE app"', 'docker.exec-destructive'],
  ['allow', 'docker images'],
  ['allow', 'docker build -t app .'],
  ['allow', 'docker run --rm -it alpine sh'],
  ['allow', 'docker rmi app:old'],
  ['allow', 'docker compose down'],
  ['allow', 'docker-compose down --remove-orphans'],
  ['allow', 'command -v docker'],
  ['ask', 'docker run --rm -v pgdata:/var/lib/postgresql/data alpine rm -rf /var/lib/postgresql/data', 'docker.run-destructive'],
  ['allow', 'docker run --rm -v pgdata:/data alpine ls -la /data'],
  ['allow', 'docker run --rm alpine rm -rf /var/cache/apk'],
  // Stopped containers go with what they wrote outside volumes, as in `docker system prune`: ask, saying so.
  ['ask', 'docker container prune -f', 'docker.system-prune'],
  ['ask', 'sudo docker system prune -af', 'docker.system-prune'],
  ['ask', 'docker --context prod system prune --force', 'docker.system-prune'],
  ['allow', 'docker system prune --help'],
  ['ask', 'docker -H ssh://prod secret rm stripe_key', 'docker.swarm-remove'],
  ['ask', 'bash -c "docker service rm api"', 'docker.swarm-remove'],
  ['allow', 'docker service ps api'],
  ['ask', 'docker rm --force postgres-16', 'docker.data-container-remove'],
  ['ask', 'docker container rm -f shop_mariadb_1', 'docker.data-container-remove'],
  ['allow', 'docker rm -f web-1 nginx'],
  ['allow', 'docker rm app-db-1'],
] satisfies Corpus;
