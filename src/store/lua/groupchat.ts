/**
 * Lua scripts of the WeChat/QQ group surfaces (src/bot/groupchat): the paced outbox and group
 * bindings. Named with their key count, headers list KEYS/ARGV/replies, as in src/store/lua.ts.
 */

/**
 * outboxTake-3 — take (or renew) the account's sender lease and hand out the next message.
 * A message left in `sending` by a crashed sender comes first, so nothing is lost and order holds.
 * KEYS: 1 queue, 2 sending, 3 lease   ARGV: 1 token, 2 lease TTL ms
 * Returns: {'held', pttl} another sender holds the lease | {'item', json} | {'empty'}
 */
export const outboxTake3 = `
local holder = redis.call('GET', KEYS[3])
if holder and holder ~= ARGV[1] then return {'held', redis.call('PTTL', KEYS[3])} end
redis.call('SET', KEYS[3], ARGV[1], 'PX', ARGV[2])
local cur = redis.call('LINDEX', KEYS[2], -1)
if cur then return {'item', cur} end
local nxt = redis.call('RPOPLPUSH', KEYS[1], KEYS[2])
if nxt then return {'item', nxt} end
return {'empty'}
`;

/**
 * outboxBury-2 — move a message that failed every attempt from `sending` to the dead letters.
 * KEYS: 1 sending, 2 dead   ARGV: 1 json, 2 how many dead letters to keep
 * Returns: 1 moved, 0 it was no longer in `sending`
 */
export const outboxBury2 = `
if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 0 then return 0 end
redis.call('LPUSH', KEYS[2], ARGV[1])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[2]) - 1)
return 1
`;

/**
 * outboxRelease-1 — give the lease up on a clean stop, only if it is still ours.
 * KEYS: 1 lease   ARGV: 1 token   Returns: 1 released, 0 not ours
 */
export const outboxRelease1 = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * bind-2 — bind a group chat to a config entry. An entry without a chat id is claimed by the first
 * chat seen with its name and stays with that chat (a renamed group keeps its binding; a second
 * group given the same name later does not take it), unless the caller found the claiming chat gone
 * (ARGV 4: its chatKey) — then the claim moves and the old binding is removed. An existing binding
 * keeps its `boundAt`.
 * KEYS: 1 bindings hash, 2 binding-names hash
 * ARGV: 1 chatKey, 2 name field ('' when the entry names its chat id), 3 binding JSON, 4 chatKey to replace ('' none)
 * Returns: {'bound', json} | {'taken', otherChatKey}
 */
export const bind2 = `
if ARGV[2] ~= '' then
  local owner = redis.call('HGET', KEYS[2], ARGV[2])
  if owner and owner ~= ARGV[1] and owner ~= ARGV[4] then return {'taken', owner} end
  if owner and owner == ARGV[4] then redis.call('HDEL', KEYS[1], owner) end
  if owner ~= ARGV[1] then redis.call('HSET', KEYS[2], ARGV[2], ARGV[1]) end
end
local new = cjson.decode(ARGV[3])
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur then
  local old = cjson.decode(cur)
  if old.boundAt then new.boundAt = old.boundAt end
end
local json = cjson.encode(new)
redis.call('HSET', KEYS[1], ARGV[1], json)
return {'bound', json}
`;
