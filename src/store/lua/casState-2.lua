--[[
  casState — move (or rewrite in place, when both keys are the same) a conversation state,
  keeping its expiry, only if it is still what was read and the target holds no other draft.

  KEYS: 1 source state, 2 target state
  ARGV: 1 JSON as read, 2 new JSON
  Replies: 1 done, 0 source changed, -1 target busy
]]
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local ttl = redis.call('PTTL', KEYS[1])
if KEYS[1] ~= KEYS[2] then
  if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
  redis.call('DEL', KEYS[1])
end
if ttl > 0 then redis.call('SET', KEYS[2], ARGV[2], 'PX', ttl) else redis.call('SET', KEYS[2], ARGV[2]) end
return 1
