--[[
  outboxBury — move a message that failed every attempt from `sending` to the dead letters.

  KEYS: 1 sending, 2 dead
  ARGV: 1 json, 2 how many dead letters to keep
  Replies: 1 moved, 0 it was no longer in `sending`
]]
if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 0 then return 0 end
redis.call('LPUSH', KEYS[2], ARGV[1])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[2]) - 1)
return 1
