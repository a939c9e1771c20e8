namespace ModuleGen.Testing.WireMock;

/// <summary>WireMock's built-in network faults (<c>"response":{"fault":…}</c>).</summary>
public enum WireMockFault
{
    /// <summary><c>CONNECTION_RESET_BY_PEER</c>: the connection is reset before any response.</summary>
    ConnectionResetByPeer,

    /// <summary><c>EMPTY_RESPONSE</c>: the connection is closed without a response.</summary>
    EmptyResponse,

    /// <summary><c>MALFORMED_RESPONSE_CHUNK</c>: a 200 status, then garbage in a chunk, then close.</summary>
    MalformedResponseChunk,

    /// <summary><c>RANDOM_DATA_THEN_CLOSE</c>: garbage bytes, then close.</summary>
    RandomDataThenClose,
}
