-- wrk script: online submissions of a death registration to random wards of the generated tree, each with its
-- own Idempotency-Key. TOKEN comes from the environment (a citizen's access token). With REFUSE=1 the contact
-- phone is not a phone number: the service signs in, reads and checks the whole form, and answers 400 with
-- problem+json, without touching the database (the service's own floor).
local token = os.getenv("TOKEN")
local refuse = os.getenv("REFUSE") == "1"
local expected = refuse and 400 or 201
local counter = 0
math.randomseed(os.time())

local form = [[{"deceased": {"fullName": "Nguyễn Văn Cả", "citizenId": "001045001234", "birthDate": "1945-03-02", "sex": "nam"},
"deathDate": "2026-11-20", "deathPlace": "Bệnh viện Bạch Mai", "lastResidence": "12 Điện Biên Phủ, Ba Đình, Hà Nội",
"applicantRelationship": "con", "contactPhone": "]] .. (refuse and "0912 345" or "0912 345 678") .. [["}]]

request = function()
  counter = counter + 1
  local ward = string.format("d%02d-w%02d", math.random(1, 30), math.random(1, 20))
  local body = '{"procedure": "1.000656", "tenant": "' .. ward .. '", "channel": "online-full", '
    .. '"applicant": {"fullName": "Nguyễn Văn An", "phone": "0912 345 678"}, "form": ' .. form .. '}'
  local headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d", os.time(), math.random(1, 1000000000), counter)
  }
  return wrk.format("POST", "/api/dossiers", headers, body)
end

response = function(status, headers, body)
  if status ~= expected then
    io.stderr:write("status " .. status .. ": " .. body .. "\n")
  end
end
