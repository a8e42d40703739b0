--[[
  takeKeyboard — hand out a user's live Telegram keyboard once, and only for the message it
  belongs to, so a double tap or a tap on an older question cannot answer the next one.
  The stored value is "<messageId>|<JSON list of button values>".

  KEYS: 1 live keyboard
  ARGV: 1 message id
  Replies: the JSON list of button values, or nil (no keyboard, or it belongs to another message)
]]
local v = redis.call('GET', KEYS[1])
if not v then return false end
local sep = string.find(v, '|', 1, true)
if not sep or string.sub(v, 1, sep - 1) ~= ARGV[1] then return false end
redis.call('DEL', KEYS[1])
return string.sub(v, sep + 1)
