/// The OpenAPI 3.1 description of the HTTP API, served at `/openapi.yaml`. A test checks that
/// every route the server registers is described here, and nothing more.
enum OpenAPIDocument {
    static let yaml = #"""
openapi: 3.1.0
info:
  title: Zhixun (智询) consultation API
  version: "1.0"
  description: |
    Answers, search, related-topic push, hot questions, suggestions and feedback for chat front ends;
    document ingest, withdrawal, rebuild, unanswered questions, statistics and hot-question settings for
    editors (bearer token); health and metrics for operators. Errors are JSON
    {"error": {"code": "...", "message": "..."}} with a stable code.
servers:
  - url: http://127.0.0.1:8080
components:
  securitySchemes:
    editorToken:
      type: http
      scheme: bearer
  schemas:
    Error:
      type: object
      required: [error]
      properties:
        error:
          type: object
          required: [code, message]
          properties:
            code: {type: string, examples: [empty_query, query_too_long, unknown_parameter, invalid_parameter, malformed_json, body_too_large, unauthorized, not_found, no_index]}
            message: {type: string}
    ActionLink:
      type: object
      properties:
        title: {type: string}
        url: {type: string}
    SearchResult:
      type: object
      required: [id, doc, score, kind, title, heading, text]
      properties:
        id: {type: string, description: "passage id, doc#n"}
        doc: {type: string}
        score: {type: number}
        kind: {type: string, enum: [faq, policy]}
        title: {type: string}
        heading: {type: string}
        text: {type: string}
        version: {type: string}
        status: {type: string}
        category: {type: string}
        region: {type: string}
        number: {type: string}
        links: {type: array, items: {$ref: "#/components/schemas/ActionLink"}}
        rich: {type: string, description: "answer only: sanitized HTML with action links as anchors"}
        snippet: {type: string, description: "search only: HTML-escaped excerpt with <em> highlights"}
    RelatedItem:
      type: object
      properties:
        id: {type: string}
        doc: {type: string}
        kind: {type: string}
        title: {type: string}
        heading: {type: string}
        score: {type: number}
        reasons: {type: array, items: {type: string, enum: [content, category, next_question]}}
    HotQuestion:
      type: object
      properties:
        id: {type: string}
        question: {type: string}
        category: {type: string}
        score: {type: number}
        pinned: {type: boolean}
    Answer:
      type: object
      required: [query, confidence, alternatives, related, hot, handoff]
      properties:
        query_id: {type: string, description: "pass back to /v1/feedback"}
        query: {type: string}
        answer: {$ref: "#/components/schemas/SearchResult"}
        confidence: {type: number, minimum: 0, maximum: 1}
        alternatives: {type: array, maxItems: 3, items: {$ref: "#/components/schemas/SearchResult"}}
        related: {type: array, items: {$ref: "#/components/schemas/RelatedItem"}}
        hot: {type: array, items: {$ref: "#/components/schemas/HotQuestion"}}
        handoff:
          type: object
          properties:
            suggested: {type: boolean}
            reason: {type: string, enum: [no_match, low_confidence]}
  responses:
    BadRequest:
      description: invalid input
      content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
    Unauthorized:
      description: missing or invalid editor token
      content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
paths:
  /healthz:
    get:
      summary: Liveness, and the index generation served
      responses: {"200": {description: ok}}
  /metrics:
    get:
      summary: Prometheus metrics (requests, latency histogram, answers, hand-overs, generation)
      responses: {"200": {description: Prometheus text format}}
  /openapi.yaml:
    get:
      summary: This document
      responses: {"200": {description: OpenAPI 3.1 YAML}}
  /v1/answer:
    get:
      summary: The best answer with confidence, alternatives, related knowledge, hot questions and hand-over
      parameters:
        - {name: q, in: query, required: true, schema: {type: string, maxLength: 256}}
        - {name: region, in: query, schema: {type: string}}
        - {name: context, in: query, description: "category or document id the user is on", schema: {type: string}}
        - {name: session, in: query, schema: {type: string}}
      responses:
        "200": {description: answer, content: {application/json: {schema: {$ref: "#/components/schemas/Answer"}}}}
        "400": {$ref: "#/components/responses/BadRequest"}
  /v1/search:
    get:
      summary: Ranked passages with highlighted snippets
      parameters:
        - {name: q, in: query, required: true, schema: {type: string, maxLength: 256}}
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100}}
        - {name: kind, in: query, schema: {type: string, enum: [faq, policy]}}
        - {name: category, in: query, schema: {type: string}}
        - {name: region, in: query, schema: {type: string}}
        - {name: include_superseded, in: query, schema: {type: boolean}}
      responses:
        "200": {description: results}
        "400": {$ref: "#/components/responses/BadRequest"}
  /v1/related/{id}:
    get:
      summary: Related-topic push for an FAQ entry or passage
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 20}}
      responses:
        "200": {description: related items}
        "404": {description: unknown item}
  /v1/hot:
    get:
      summary: Hot questions (time-decayed, pinned first)
      parameters:
        - {name: category, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100}}
      responses: {"200": {description: hot questions}}
  /v1/suggest:
    get:
      summary: Completions of a partly typed question
      parameters:
        - {name: prefix, in: query, required: true, schema: {type: string, maxLength: 256}}
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 50}}
      responses: {"200": {description: suggestions}}
  /v1/feedback:
    post:
      summary: Did this answer solve it?
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [query_id, answer_id, resolved]
              properties:
                query_id: {type: string}
                answer_id: {type: string}
                resolved: {type: boolean}
                reason: {type: string, maxLength: 1000}
      responses:
        "201": {description: recorded}
        "400": {$ref: "#/components/responses/BadRequest"}
        "404": {description: unknown query_id}
  /v1/documents:
    post:
      summary: Ingest documents (JSONL body, or one file of any ingest format named by ?filename=)
      security: [{editorToken: []}]
      parameters:
        - {name: filename, in: query, schema: {type: string}}
        - {name: rebuild, in: query, schema: {type: boolean}}
        - {name: editor, in: query, schema: {type: string}}
      responses:
        "201": {description: ingested}
        "401": {$ref: "#/components/responses/Unauthorized"}
        "413": {description: body too large}
        "422": {description: nothing could be ingested}
  /v1/documents/{id}:
    delete:
      summary: Withdraw a document (kept, never served) and rebuild
      security: [{editorToken: []}]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: rebuild, in: query, schema: {type: boolean}}
      responses:
        "200": {description: withdrawn}
        "401": {$ref: "#/components/responses/Unauthorized"}
        "404": {description: unknown document}
  /v1/rebuild:
    post:
      summary: Build a new index generation and switch to it
      security: [{editorToken: []}]
      responses:
        "200": {description: the new generation}
        "401": {$ref: "#/components/responses/Unauthorized"}
  /v1/unanswered:
    get:
      summary: Questions handed over or marked unsolved, paraphrases grouped
      security: [{editorToken: []}]
      parameters:
        - {name: days, in: query, schema: {type: integer, minimum: 1, maximum: 365}}
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 1000}}
      responses:
        "200": {description: grouped questions}
        "401": {$ref: "#/components/responses/Unauthorized"}
  /v1/stats:
    get:
      summary: Questions per day, answer, resolution and hand-over rates, top categories
      security: [{editorToken: []}]
      parameters:
        - {name: days, in: query, schema: {type: integer, minimum: 1, maximum: 365}}
      responses:
        "200": {description: statistics}
        "401": {$ref: "#/components/responses/Unauthorized"}
  /v1/synonyms:
    get:
      summary: The synonym list (one group per line, phrases separated by " = ")
      security: [{editorToken: []}]
      responses:
        "200": {description: the list as text/plain}
        "401": {$ref: "#/components/responses/Unauthorized"}
    put:
      summary: Replace the synonym list; queries use it at once
      security: [{editorToken: []}]
      requestBody:
        required: true
        content: {text/plain: {schema: {type: string}}}
      responses:
        "200": {description: number of groups}
        "400": {$ref: "#/components/responses/BadRequest"}
        "401": {$ref: "#/components/responses/Unauthorized"}
  /v1/hot/{id}:
    put:
      summary: Pin, block or weight a hot question
      security: [{editorToken: []}]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                pinned: {type: boolean}
                blocked: {type: boolean}
                weight: {type: number, minimum: 0, maximum: 1000}
      responses:
        "200": {description: saved}
        "401": {$ref: "#/components/responses/Unauthorized"}
"""#
}
