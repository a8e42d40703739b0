--[[
  claim — enqueue an inbound message and, if nobody is processing this conversation, take it.
  The first of the two round trips of a conversation step (the commit is the second).

  KEYS: 1 inbox, 2 lock, 3 state, 4 seen
  ARGV: 1 message JSON, 2 lock token, 3 lock TTL ms, 4 seen TTL s, 5 requireState (1/0), 6 inbox TTL s
  Replies:
    {'ignored'}    requireState and no state (group chatter not addressed to the bot)
    {'duplicate'}  the message id was seen before
    {'queued', pttl}  another holder will process it (or its lock expires in pttl ms)
    {'run', headMessage|false, stateJSON|false}  false head: the head is this very message
]]
if ARGV[5] == '1' and redis.call('EXISTS', KEYS[3]) == 0 then return {'ignored'} end
if not redis.call('SET', KEYS[4], '1', 'NX', 'EX', ARGV[4]) then return {'duplicate'} end
local len = redis.call('RPUSH', KEYS[1], ARGV[1])
if len == 1 then redis.call('EXPIRE', KEYS[1], ARGV[6]) end
if not redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[3]) then
  return {'queued', redis.call('PTTL', KEYS[2])}
end
-- Our own message is the head (the usual case): say so instead of sending it back.
if len == 1 then return {'run', false, redis.call('GET', KEYS[3])} end
return {'run', redis.call('LINDEX', KEYS[1], 0), redis.call('GET', KEYS[3])}
