// Shared by the verify scripts: a closure (engine endpoint, compose project) that fails when the engine still
// has a container, network or volume labelled with that project. Asks the engine's Docker-compatible API
// (Docker and Podman both serve it) with curl, so it depends on nothing the plugin under test provides.
return { String endpoint, String project ->
    assert endpoint ==~ /unix:\/\/.+/ : "expected a unix:// engine endpoint, got '$endpoint' (source /tmp/p4n4-it/engines.env)"
    def socket = endpoint.substring('unix://'.length())
    def filters = '{"label":["com.docker.compose.project=' + project + '"]}'
    def ask = { String path ->
        def curl = ['curl', '-sS', '--fail', '--unix-socket', socket, '-G', '--data', 'all=1',
                    '--data-urlencode', 'filters=' + filters, 'http://localhost/v1.41/' + path].execute()
        def out = new StringBuilder(), err = new StringBuilder()
        curl.waitForProcessOutput(out, err)
        assert curl.exitValue() == 0 : "curl $path on $socket failed: $err"
        return out.toString().trim()
    }
    assert ask('containers/json') == '[]' : "containers of $project left behind"
    assert ask('networks') == '[]' : "networks of $project left behind"
    assert ask('volumes') ==~ /(?s).*"Volumes":(null|\[\]).*/ : "volumes of $project left behind"
    return true
}
