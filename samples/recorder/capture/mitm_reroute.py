"""mitmproxy addon: send upstream connections for the sample host names to
the local servers (127.0.0.1:port) while flows keep their real host names."""
import json
import os

PORTS = json.loads(os.environ.get("SAMPLE_HOST_PORTS", "{}"))


def server_connect(data):
    host = data.server.address[0]
    if host in PORTS:
        if not data.server.sni:
            data.server.sni = host
        data.server.address = ("127.0.0.1", PORTS[host])


def response(flow):
    # Later requests on a rerouted connection carry 127.0.0.1:port as their
    # host; give the flow its real name back before the HAR script (loaded
    # after this addon) records it.
    host = (flow.request.host_header or "").split(":")[0]
    if host in PORTS and flow.request.host != host:
        flow.request.host = host
        flow.request.port = 443
