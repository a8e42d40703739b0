--[[
  updateRecord — a change made to a record outside its author's draft (an approval step, a return
  with a reason): replaced only at the expected revision (records without `rev` are revision 1),
  with its audit entry, atomically. The revision check is the same as in commitAmend-8.

  KEYS: 1 record, 2 audit list
  ARGV: 1 expected revision, 2 record JSON, 3 audit entry JSON
  Replies: 5 updated, 3 gone, 4 changed meanwhile (nothing written)
]]
local saved = 5
local cur = redis.call('GET', KEYS[1])
if not cur then saved = 3
else
  local ok, doc = pcall(cjson.decode, cur)
  local rev = 1
  if ok and type(doc) == 'table' and type(doc['rev']) == 'number' then rev = doc['rev'] end
  if tostring(rev) ~= ARGV[1] then saved = 4 end
end
if saved == 5 then
  redis.call('SET', KEYS[1], ARGV[2])
  redis.call('RPUSH', KEYS[2], ARGV[3])
end
return saved
