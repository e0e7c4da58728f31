// Node-RED settings of the p4n4 iot stack. The flows file is mounted next to this file;
// credentials for MQTT and InfluxDB come from environment variables (see docker-compose.yml).
// flows_cred.json holds only ${MQTT_USER} / ${MQTT_PASSWORD} references, which Node-RED replaces with
// the variables' values when the flows start: it is kept unencrypted (credentialSecret: false) because
// it contains no secret itself.
module.exports = {
    flowFile: "flows.json",
    flowFilePretty: true,
    credentialSecret: false,
    userDir: "/data",
    uiPort: process.env.PORT || 1880,
    uiHost: "0.0.0.0",
    // editor login is left to the host firewall in development; set adminAuth before exposing 1880
    functionExternalModules: false,
    functionGlobalContext: {},
    exportGlobalContextKeys: false,
    logging: {
        console: { level: "info", metrics: false, audit: false }
    },
    editorTheme: {
        projects: { enabled: false }
    }
};
