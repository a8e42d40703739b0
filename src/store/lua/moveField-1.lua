--[[
  moveField — move a hash field to a new name, rewriting its value; the old name wins only when
  the new one is not set yet.

  KEYS: 1 hash
  ARGV: 1 old field, 2 new field, 3 value as read, 4 new value
  Replies: 1 moved, 0 the value changed since it was read
]]
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[3] then return 0 end
redis.call('HSETNX', KEYS[1], ARGV[2], ARGV[4])
redis.call('HDEL', KEYS[1], ARGV[1])
return 1
