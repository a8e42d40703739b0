--[[
  kick — take over a conversation whose messages wait behind an expired lock (a crashed holder).

  KEYS: 1 inbox, 2 lock, 3 state
  ARGV: 1 token, 2 lock TTL ms
  Replies:
    {'empty'}        nothing waits
    {'held', pttl}   someone holds the lock, for pttl ms more
    {'run', headMessage, stateJSON|false}
]]
if redis.call('LLEN', KEYS[1]) == 0 then return {'empty'} end
if not redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {'held', redis.call('PTTL', KEYS[2])}
end
return {'run', redis.call('LINDEX', KEYS[1], 0), redis.call('GET', KEYS[3])}
