--[[
  bind — bind a group chat to a config entry. An entry without a chat id is claimed by the first
  chat seen with its name and stays with that chat (a renamed group keeps its binding; a second
  group given the same name later does not take it), unless the caller found the claiming chat gone
  (ARGV 4: its chatKey) — then the claim moves and the old binding is removed. An existing binding
  keeps its `boundAt`.

  KEYS: 1 bindings hash, 2 binding-names hash
  ARGV: 1 chatKey, 2 name field ('' when the entry names its chat id), 3 binding JSON,
        4 chatKey to replace ('' none)
  Replies:
    {'bound', json}          the binding as stored
    {'taken', otherChatKey}  the name is bound to another chat
]]
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
