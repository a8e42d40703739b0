--[[
  move — hand an open draft from one conversation to another (group → private chat), but only if
  the source is still exactly what the caller read (compare-and-set) and the target has no draft.

  KEYS: 1 source state, 2 target state
  ARGV: 1 expected source JSON, 2 new JSON, 3 TTL s
  Replies: 1 moved, 0 source changed or gone, -1 target busy
]]
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
redis.call('DEL', KEYS[1])
return 1
