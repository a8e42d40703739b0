--[[
  commit — store the conversation's new state and release or pass on the lock.
  The head and tail of this script are repeated in commitSave-8 and commitAmend-8, which must stay in step.

  KEYS: 1 inbox, 2 lock, 3 state
  ARGV: 1 token, 2 state JSON ('' = conversation over), 3 state TTL s, 4 lock TTL ms
  Replies:
    {'lost'}  the lock expired and was taken (nothing written)
    {'done', saved}  no message waits; the lock is released
    {'next', saved, headMessage, stateJSON|false}  the next message, still under our lock
    saved is always 0 (none) here.
]]
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return {'lost'} end
if ARGV[2] == '' then redis.call('DEL', KEYS[3]) else redis.call('SET', KEYS[3], ARGV[2], 'EX', ARGV[3]) end
local saved = 0
redis.call('LPOP', KEYS[1])
local nxt = redis.call('LINDEX', KEYS[1], 0)
if nxt then
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
  return {'next', saved, nxt, redis.call('GET', KEYS[3])}
end
redis.call('DEL', KEYS[2])
return {'done', saved}
