--[[
  outboxRelease — give the sender lease up on a clean stop, only if it is still ours.

  KEYS: 1 lease
  ARGV: 1 token
  Replies: 1 released, 0 not ours
]]
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
