using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spean.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Submissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Submission",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StateIso3 = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    UprReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LeadOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Submission", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Submission_Countries_StateIso3",
                        column: x => x.StateIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Submission_Organisations_LeadOrganisationId",
                        column: x => x.LeadOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Submission_UprReview_UprReviewId",
                        column: x => x.UprReviewId,
                        principalTable: "UprReview",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Signatory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DescriptionKm = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    InvitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Signatory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Signatory_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Signatory_Submission_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submission",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionClusters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameKm = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LeadOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    MemberOrganisationIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionClusters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionClusters_Organisations_LeadOrganisationId",
                        column: x => x.LeadOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubmissionClusters_Submission_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submission",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionParagraphs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    TextEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    TextKm = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    RecommendationIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    ReportIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionParagraphs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionParagraphs_SubmissionClusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "SubmissionClusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionParagraphComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParagraphId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionParagraphComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionParagraphComments_SubmissionParagraphs_ParagraphId",
                        column: x => x.ParagraphId,
                        principalTable: "SubmissionParagraphs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionParagraphSources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParagraphId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionParagraphSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionParagraphSources_SubmissionParagraphs_ParagraphId",
                        column: x => x.ParagraphId,
                        principalTable: "SubmissionParagraphs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionParagraphVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParagraphId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    TextEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    TextKm = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Sources = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionParagraphVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionParagraphVersions_SubmissionParagraphs_ParagraphId",
                        column: x => x.ParagraphId,
                        principalTable: "SubmissionParagraphs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Signatory_OrganisationId_Status",
                table: "Signatory",
                columns: new[] { "OrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Signatory_SubmissionId_OrganisationId",
                table: "Signatory",
                columns: new[] { "SubmissionId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submission_LeadOrganisationId",
                table: "Submission",
                column: "LeadOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Submission_StateIso3",
                table: "Submission",
                column: "StateIso3");

            migrationBuilder.CreateIndex(
                name: "IX_Submission_Status",
                table: "Submission",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Submission_UprReviewId",
                table: "Submission",
                column: "UprReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionClusters_LeadOrganisationId",
                table: "SubmissionClusters",
                column: "LeadOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionClusters_SubmissionId_Number",
                table: "SubmissionClusters",
                columns: new[] { "SubmissionId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionParagraphComments_ParagraphId",
                table: "SubmissionParagraphComments",
                column: "ParagraphId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionParagraphs_ClusterId_Kind_Position",
                table: "SubmissionParagraphs",
                columns: new[] { "ClusterId", "Kind", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionParagraphSources_ParagraphId",
                table: "SubmissionParagraphSources",
                column: "ParagraphId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionParagraphVersions_ParagraphId_Version",
                table: "SubmissionParagraphVersions",
                columns: new[] { "ParagraphId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Signatory");

            migrationBuilder.DropTable(
                name: "SubmissionParagraphComments");

            migrationBuilder.DropTable(
                name: "SubmissionParagraphSources");

            migrationBuilder.DropTable(
                name: "SubmissionParagraphVersions");

            migrationBuilder.DropTable(
                name: "SubmissionParagraphs");

            migrationBuilder.DropTable(
                name: "SubmissionClusters");

            migrationBuilder.DropTable(
                name: "Submission");
        }
    }
}
