// scenario: a flow specification the provider cannot honour (guaranteed service) fails with WSAEOPNOTSUPP; best effort is fine
// source: lpwspconnect.md error table, WSAEOPNOTSUPP "Flow specifications specified in lpSQOS cannot be satisfied."
// wsplint:net 10.0.0.5:80 listen
// wsplint:snippet
void qos(void)
{
    int err = 0;
    QOS q;
    struct sockaddr_in to = { AF_INET };
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("10.0.0.5");
    ZeroMemory(&q, sizeof(q));
    q.SendingFlowspec.ServiceType = SERVICETYPE_GUARANTEED;
    q.ReceivingFlowspec.ServiceType = SERVICETYPE_BESTEFFORT;
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, NULL, &q, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEOPNOTSUPP
    q.SendingFlowspec.ServiceType = SERVICETYPE_BESTEFFORT;
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, NULL, &q, NULL, &err); // expect: WSPConnect -> 0
}
