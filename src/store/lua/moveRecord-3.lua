--[[
  moveRecord — re-file one record under a chat's new id (chat migration), compare-and-set.

  KEYS: 1 old group index, 2 new group index, 3 record
  ARGV: 1 record id, 2 score, 3 record JSON as read ('' = record missing), 4 rewritten JSON
  Replies: 1 moved, 0 the record changed since it was read (read it again)
]]
local cur = redis.call('GET', KEYS[3])
if (cur or '') ~= ARGV[3] then return 0 end
if cur then redis.call('SET', KEYS[3], ARGV[4]) end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[1])
return 1
