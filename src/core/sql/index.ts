export { analyseSql, type SqlAnalysis, type SqlHazard, type SqlHazardKind } from './analyse';
export { lexSql, type SqlDialect } from './lexer';
export { analyseMongoScript, type MongoHazard } from './mongo';
export { analyseRedisCommands, type RedisHazard } from './redis';
