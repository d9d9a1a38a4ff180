-- Tradecraft's language server in Neovim (0.7 or newer), a client that shares nothing with VS Code.
-- neovim.mjs runs: nvim --headless --clean -n FILE.md -c 'luafile neovim.lua'
-- with TRADECRAFT_LSP_CMD (the server command, a JSON array). It starts the server on the buffer,
-- waits for diagnostics, asks for a hover and a definition on the first citation ([@key]), writes
-- the results to stdout as one line of JSON and quits (with :cq 1 when something is missing).

local timeout = 10000
local buf = vim.api.nvim_get_current_buf()
local file = vim.api.nvim_buf_get_name(buf)
local result = { file = file, diagnostics = {}, timings = {} }

local function finish(failure)
  result.error = failure
  io.stdout:write(vim.fn.json_encode(result) .. '\n')
  io.stdout:flush()
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  vim.cmd(failure and 'cq 1' or 'qa!')
end

local function elapsed(since)
  return math.floor((vim.loop.hrtime() - since) / 1e6)
end

local ok, failure = pcall(function()
  local started = vim.loop.hrtime()
  local client_id = vim.lsp.start_client({
    name = 'tradecraft',
    cmd = vim.fn.json_decode(os.getenv('TRADECRAFT_LSP_CMD')),
    root_dir = vim.fn.fnamemodify(file, ':h'),
    settings = { tradecraft = { diagnosticsDelay = 0 } },
  })
  if not client_id then error('the server did not start') end
  vim.lsp.buf_attach_client(buf, client_id)

  if not vim.wait(timeout, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
    error('no diagnostics after ' .. timeout .. ' ms')
  end
  result.timings.diagnostics = elapsed(started)
  for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, {
      code = diagnostic.code,
      severity = diagnostic.severity,
      line = diagnostic.lnum,
      character = diagnostic.col,
      message = diagnostic.message,
      source = diagnostic.source,
    })
  end

  -- The first citation's key, one character in.
  local row, col = unpack(vim.fn.searchpos('\\[@', 'nw'))
  if row == 0 then error('no citation in the document') end
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    position = { line = row - 1, character = col - 1 + 3 },
  }
  result.position = params.position

  local asked = vim.loop.hrtime()
  local hovers = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, timeout) or {}
  result.timings.hover = elapsed(asked)
  for _, response in pairs(hovers) do
    if response.error then error('hover: ' .. vim.inspect(response.error)) end
    local contents = response.result and response.result.contents
    if contents then result.hover = type(contents) == 'string' and contents or contents.value end
  end

  asked = vim.loop.hrtime()
  local definitions = vim.lsp.buf_request_sync(buf, 'textDocument/definition', params, timeout) or {}
  result.timings.definition = elapsed(asked)
  for _, response in pairs(definitions) do
    local locations = response.result or {}
    if locations.uri or locations.targetUri then locations = { locations } end
    local first = locations[1]
    if first then
      result.definition = {
        uri = first.uri or first.targetUri,
        line = (first.range or first.targetSelectionRange).start.line,
      }
    end
  end
end)

finish(not ok and tostring(failure) or nil)
