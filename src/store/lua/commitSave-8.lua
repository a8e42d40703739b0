--[[
  commitSave — commit-3 plus saving a confirmed record with all its indexes, atomically and
  idempotently: a record id that exists already is left as it is.

  KEYS: 1 inbox, 2 lock, 3 state, 4 record, 5 idxAll, 6 idxGroup, 7 idxUser, 8 groups hash
  ARGV: 1 token, 2 state JSON ('' = conversation over), 3 state TTL s, 4 lock TTL ms,
        5 record JSON, 6 score, 7 record id, 8 chat key, 9 chat title ('' = none)
  Replies: as commit-3, with saved = 1 (new) or 2 (existed)
]]
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return {'lost'} end
if ARGV[2] == '' then redis.call('DEL', KEYS[3]) else redis.call('SET', KEYS[3], ARGV[2], 'EX', ARGV[3]) end
local saved = 2
if redis.call('SET', KEYS[4], ARGV[5], 'NX') then
  saved = 1
  redis.call('ZADD', KEYS[5], ARGV[6], ARGV[7])
  redis.call('ZADD', KEYS[6], ARGV[6], ARGV[7])
  redis.call('ZADD', KEYS[7], ARGV[6], ARGV[7])
  if ARGV[9] ~= '' then redis.call('HSET', KEYS[8], ARGV[8], ARGV[9]) end
end
redis.call('LPOP', KEYS[1])
local nxt = redis.call('LINDEX', KEYS[1], 0)
if nxt then
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
  return {'next', saved, nxt, redis.call('GET', KEYS[3])}
end
redis.call('DEL', KEYS[2])
return {'done', saved}
